/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query HeaderStructure($code: ID!) { structure(code: $code) { name } }": typeof types.HeaderStructureDocument,
    "\n  query Codes($list: String!) {\n    codes(list: $list) {\n      code\n      label\n    }\n  }\n": typeof types.CodesDocument,
    "\n  query Municipalities {\n    codes(list: \"MUNICIPALITY\") {\n      code\n      label\n      group\n      cadastralCode\n    }\n  }\n": typeof types.MunicipalitiesDocument,
    "\n  query Countries {\n    codes(list: \"COUNTRY\") {\n      code\n      label\n    }\n  }\n": typeof types.CountriesDocument,
    "query LookUpMinor($fiscalCode: String!) {\n  minorByFiscalCode(fiscalCode: $fiscalCode) { minorId minor { id firstName lastName } }\n}": typeof types.LookUpMinorDocument,
    "mutation RegisterMinor($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }": typeof types.RegisterMinorDocument,
    "mutation AdmitMinor($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }": typeof types.AdmitMinorDocument,
    "query StructurePlaces($code: ID!, $today: Date!) { structure(code: $code) { capacity emergencyCapacity placements(activeOn: $today) { id kind } } }": typeof types.StructurePlacesDocument,
    "query HostedHere($code: ID!, $on: Date!) { structure(code: $code) { placements(activeOn: $on) { id minor { id } } } }": typeof types.HostedHereDocument,
    "query TodaysGuests($code: ID!, $today: Date!) {\n  structure(code: $code) {\n    code name capacity emergencyCapacity\n    occupancy(on: $today)\n    placements(activeOn: $today) {\n      id admissionDate kind qualityFlags\n      minor { id firstName lastName birthDate sex unaccompanied }\n      absences { kind startDate endDate }\n    }\n  }\n}": typeof types.TodaysGuestsDocument,
    "query MyNotifications($first: Int) {\n  notifications(first: $first) {\n    nodes { id kind at read minor { id firstName lastName } placement { id } request { id status } }\n    unreadCount\n  }\n}": typeof types.MyNotificationsDocument,
    "mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }": typeof types.MarkNotificationsReadDocument,
    "query Occupancy($code: ID!, $on: Date!) {\n  structure(code: $code) { code capacity emergencyCapacity occupancy(on: $on) placements(activeOn: $on) { id kind } }\n}": typeof types.OccupancyDocument,
    "query PlacementRecord($id: ID!) {\n  placement(id: $id) {\n    id admissionDate dischargeDate kind referringService legalBasis courtOrderReference dischargeOutcome qualityFlags\n    structure { code }\n    corrections { id path status reason requestedAt decisionReason before { ...Facts } after { ...Facts } }\n    minor { id firstName lastName birthDate sex unaccompanied }\n    activities { id type date endDate notes }\n    absences { id kind startDate endDate notes }\n  }\n}\nfragment Facts on PlacementFacts { admissionDate kind legalBasis courtOrderReference referringService }": typeof types.PlacementRecordDocument,
    "mutation RequestCorrection($input: CorrectPlacementInput!) { requestPlacementCorrection(input: $input) { id status } }": typeof types.RequestCorrectionDocument,
    "mutation CorrectPlacement($input: CorrectPlacementInput!) { correctPlacement(input: $input) { id } }": typeof types.CorrectPlacementDocument,
    "mutation RecordActivity($input: RecordActivityInput!) { recordActivity(input: $input) { id } }": typeof types.RecordActivityDocument,
    "mutation RecordAbsence($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }": typeof types.RecordAbsenceDocument,
    "mutation EndAbsence($input: EndAbsenceInput!) { endAbsence(input: $input) { id } }": typeof types.EndAbsenceDocument,
    "mutation DischargeMinor($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }": typeof types.DischargeMinorDocument,
    "mutation TransferOut($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }": typeof types.TransferOutDocument,
    "mutation CancelDischarge($input: CancelDischargeInput!) { cancelDischarge(input: $input) { id } }": typeof types.CancelDischargeDocument,
    "query PendingPlacementRequests {\n  placementRequests(status: PENDING, first: 100) {\n    nodes {\n      id requestedBy requestedAdmissionDate kind legalBasis courtOrderReference note createdAt\n      minor { id firstName lastName birthDate }\n    }\n  }\n}": typeof types.PendingPlacementRequestsDocument,
    "mutation DeclinePlacementRequest($input: DeclinePlacementRequestInput!) { declinePlacementRequest(input: $input) { id status } }": typeof types.DeclinePlacementRequestDocument,
    "query MyMinors($filter: MinorSearchFilter, $first: Int) {\n  searchMinors(filter: $filter, first: $first) { nodes { id firstName lastName birthDate } }\n}": typeof types.MyMinorsDocument,
    "query MinorFile($id: ID!) {\n  minor(id: $id) {\n    id firstName lastName birthDate\n    cases { id serviceId startDate endDate interventions { id type startDate endDate structure { name } } }\n    placements { id admissionDate dischargeDate kind dischargeOutcome structure { code name } absences { kind startDate endDate } }\n    placementRequests { id status requestedAdmissionDate createdAt decidedAt declineReason structure { code name } }\n  }\n}": typeof types.MinorFileDocument,
    "query PickStructures($first: Int) { structures(first: $first) { nodes { code name type municipality municipalityName status freePlaces } } }": typeof types.PickStructuresDocument,
    "mutation RequestPlacement($input: RequestPlacementInput!) { requestPlacement(input: $input) { id status } }": typeof types.RequestPlacementDocument,
    "query SignInStructures($filter: StructureFilter, $first: Int) {\n  structures(filter: $filter, first: $first) { nodes { code name municipality status } }\n}": typeof types.SignInStructuresDocument,
    "query OwnStructure($code: ID!) {\n  structure(code: $code) {\n    code name type municipality province address managingEntity capacity emergencyCapacity minAge maxAge status contactEmail\n    acts { id kind number date validFrom validTo issuingBody document { filename sizeBytes version } }\n    inspections { id date authority outcome followUpDueDate followUpDoneDate }\n  }\n}": typeof types.OwnStructureDocument,
};
const documents: Documents = {
    "query HeaderStructure($code: ID!) { structure(code: $code) { name } }": types.HeaderStructureDocument,
    "\n  query Codes($list: String!) {\n    codes(list: $list) {\n      code\n      label\n    }\n  }\n": types.CodesDocument,
    "\n  query Municipalities {\n    codes(list: \"MUNICIPALITY\") {\n      code\n      label\n      group\n      cadastralCode\n    }\n  }\n": types.MunicipalitiesDocument,
    "\n  query Countries {\n    codes(list: \"COUNTRY\") {\n      code\n      label\n    }\n  }\n": types.CountriesDocument,
    "query LookUpMinor($fiscalCode: String!) {\n  minorByFiscalCode(fiscalCode: $fiscalCode) { minorId minor { id firstName lastName } }\n}": types.LookUpMinorDocument,
    "mutation RegisterMinor($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }": types.RegisterMinorDocument,
    "mutation AdmitMinor($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }": types.AdmitMinorDocument,
    "query StructurePlaces($code: ID!, $today: Date!) { structure(code: $code) { capacity emergencyCapacity placements(activeOn: $today) { id kind } } }": types.StructurePlacesDocument,
    "query HostedHere($code: ID!, $on: Date!) { structure(code: $code) { placements(activeOn: $on) { id minor { id } } } }": types.HostedHereDocument,
    "query TodaysGuests($code: ID!, $today: Date!) {\n  structure(code: $code) {\n    code name capacity emergencyCapacity\n    occupancy(on: $today)\n    placements(activeOn: $today) {\n      id admissionDate kind qualityFlags\n      minor { id firstName lastName birthDate sex unaccompanied }\n      absences { kind startDate endDate }\n    }\n  }\n}": types.TodaysGuestsDocument,
    "query MyNotifications($first: Int) {\n  notifications(first: $first) {\n    nodes { id kind at read minor { id firstName lastName } placement { id } request { id status } }\n    unreadCount\n  }\n}": types.MyNotificationsDocument,
    "mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }": types.MarkNotificationsReadDocument,
    "query Occupancy($code: ID!, $on: Date!) {\n  structure(code: $code) { code capacity emergencyCapacity occupancy(on: $on) placements(activeOn: $on) { id kind } }\n}": types.OccupancyDocument,
    "query PlacementRecord($id: ID!) {\n  placement(id: $id) {\n    id admissionDate dischargeDate kind referringService legalBasis courtOrderReference dischargeOutcome qualityFlags\n    structure { code }\n    corrections { id path status reason requestedAt decisionReason before { ...Facts } after { ...Facts } }\n    minor { id firstName lastName birthDate sex unaccompanied }\n    activities { id type date endDate notes }\n    absences { id kind startDate endDate notes }\n  }\n}\nfragment Facts on PlacementFacts { admissionDate kind legalBasis courtOrderReference referringService }": types.PlacementRecordDocument,
    "mutation RequestCorrection($input: CorrectPlacementInput!) { requestPlacementCorrection(input: $input) { id status } }": types.RequestCorrectionDocument,
    "mutation CorrectPlacement($input: CorrectPlacementInput!) { correctPlacement(input: $input) { id } }": types.CorrectPlacementDocument,
    "mutation RecordActivity($input: RecordActivityInput!) { recordActivity(input: $input) { id } }": types.RecordActivityDocument,
    "mutation RecordAbsence($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }": types.RecordAbsenceDocument,
    "mutation EndAbsence($input: EndAbsenceInput!) { endAbsence(input: $input) { id } }": types.EndAbsenceDocument,
    "mutation DischargeMinor($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }": types.DischargeMinorDocument,
    "mutation TransferOut($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }": types.TransferOutDocument,
    "mutation CancelDischarge($input: CancelDischargeInput!) { cancelDischarge(input: $input) { id } }": types.CancelDischargeDocument,
    "query PendingPlacementRequests {\n  placementRequests(status: PENDING, first: 100) {\n    nodes {\n      id requestedBy requestedAdmissionDate kind legalBasis courtOrderReference note createdAt\n      minor { id firstName lastName birthDate }\n    }\n  }\n}": types.PendingPlacementRequestsDocument,
    "mutation DeclinePlacementRequest($input: DeclinePlacementRequestInput!) { declinePlacementRequest(input: $input) { id status } }": types.DeclinePlacementRequestDocument,
    "query MyMinors($filter: MinorSearchFilter, $first: Int) {\n  searchMinors(filter: $filter, first: $first) { nodes { id firstName lastName birthDate } }\n}": types.MyMinorsDocument,
    "query MinorFile($id: ID!) {\n  minor(id: $id) {\n    id firstName lastName birthDate\n    cases { id serviceId startDate endDate interventions { id type startDate endDate structure { name } } }\n    placements { id admissionDate dischargeDate kind dischargeOutcome structure { code name } absences { kind startDate endDate } }\n    placementRequests { id status requestedAdmissionDate createdAt decidedAt declineReason structure { code name } }\n  }\n}": types.MinorFileDocument,
    "query PickStructures($first: Int) { structures(first: $first) { nodes { code name type municipality municipalityName status freePlaces } } }": types.PickStructuresDocument,
    "mutation RequestPlacement($input: RequestPlacementInput!) { requestPlacement(input: $input) { id status } }": types.RequestPlacementDocument,
    "query SignInStructures($filter: StructureFilter, $first: Int) {\n  structures(filter: $filter, first: $first) { nodes { code name municipality status } }\n}": types.SignInStructuresDocument,
    "query OwnStructure($code: ID!) {\n  structure(code: $code) {\n    code name type municipality province address managingEntity capacity emergencyCapacity minAge maxAge status contactEmail\n    acts { id kind number date validFrom validTo issuingBody document { filename sizeBytes version } }\n    inspections { id date authority outcome followUpDueDate followUpDoneDate }\n  }\n}": types.OwnStructureDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HeaderStructure($code: ID!) { structure(code: $code) { name } }"): typeof import('./graphql').HeaderStructureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Codes($list: String!) {\n    codes(list: $list) {\n      code\n      label\n    }\n  }\n"): typeof import('./graphql').CodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Municipalities {\n    codes(list: \"MUNICIPALITY\") {\n      code\n      label\n      group\n      cadastralCode\n    }\n  }\n"): typeof import('./graphql').MunicipalitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Countries {\n    codes(list: \"COUNTRY\") {\n      code\n      label\n    }\n  }\n"): typeof import('./graphql').CountriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LookUpMinor($fiscalCode: String!) {\n  minorByFiscalCode(fiscalCode: $fiscalCode) { minorId minor { id firstName lastName } }\n}"): typeof import('./graphql').LookUpMinorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterMinor($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }"): typeof import('./graphql').RegisterMinorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdmitMinor($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }"): typeof import('./graphql').AdmitMinorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StructurePlaces($code: ID!, $today: Date!) { structure(code: $code) { capacity emergencyCapacity placements(activeOn: $today) { id kind } } }"): typeof import('./graphql').StructurePlacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HostedHere($code: ID!, $on: Date!) { structure(code: $code) { placements(activeOn: $on) { id minor { id } } } }"): typeof import('./graphql').HostedHereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TodaysGuests($code: ID!, $today: Date!) {\n  structure(code: $code) {\n    code name capacity emergencyCapacity\n    occupancy(on: $today)\n    placements(activeOn: $today) {\n      id admissionDate kind qualityFlags\n      minor { id firstName lastName birthDate sex unaccompanied }\n      absences { kind startDate endDate }\n    }\n  }\n}"): typeof import('./graphql').TodaysGuestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyNotifications($first: Int) {\n  notifications(first: $first) {\n    nodes { id kind at read minor { id firstName lastName } placement { id } request { id status } }\n    unreadCount\n  }\n}"): typeof import('./graphql').MyNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Occupancy($code: ID!, $on: Date!) {\n  structure(code: $code) { code capacity emergencyCapacity occupancy(on: $on) placements(activeOn: $on) { id kind } }\n}"): typeof import('./graphql').OccupancyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlacementRecord($id: ID!) {\n  placement(id: $id) {\n    id admissionDate dischargeDate kind referringService legalBasis courtOrderReference dischargeOutcome qualityFlags\n    structure { code }\n    corrections { id path status reason requestedAt decisionReason before { ...Facts } after { ...Facts } }\n    minor { id firstName lastName birthDate sex unaccompanied }\n    activities { id type date endDate notes }\n    absences { id kind startDate endDate notes }\n  }\n}\nfragment Facts on PlacementFacts { admissionDate kind legalBasis courtOrderReference referringService }"): typeof import('./graphql').PlacementRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestCorrection($input: CorrectPlacementInput!) { requestPlacementCorrection(input: $input) { id status } }"): typeof import('./graphql').RequestCorrectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CorrectPlacement($input: CorrectPlacementInput!) { correctPlacement(input: $input) { id } }"): typeof import('./graphql').CorrectPlacementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordActivity($input: RecordActivityInput!) { recordActivity(input: $input) { id } }"): typeof import('./graphql').RecordActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordAbsence($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }"): typeof import('./graphql').RecordAbsenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndAbsence($input: EndAbsenceInput!) { endAbsence(input: $input) { id } }"): typeof import('./graphql').EndAbsenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DischargeMinor($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }"): typeof import('./graphql').DischargeMinorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TransferOut($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }"): typeof import('./graphql').TransferOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelDischarge($input: CancelDischargeInput!) { cancelDischarge(input: $input) { id } }"): typeof import('./graphql').CancelDischargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PendingPlacementRequests {\n  placementRequests(status: PENDING, first: 100) {\n    nodes {\n      id requestedBy requestedAdmissionDate kind legalBasis courtOrderReference note createdAt\n      minor { id firstName lastName birthDate }\n    }\n  }\n}"): typeof import('./graphql').PendingPlacementRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeclinePlacementRequest($input: DeclinePlacementRequestInput!) { declinePlacementRequest(input: $input) { id status } }"): typeof import('./graphql').DeclinePlacementRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyMinors($filter: MinorSearchFilter, $first: Int) {\n  searchMinors(filter: $filter, first: $first) { nodes { id firstName lastName birthDate } }\n}"): typeof import('./graphql').MyMinorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MinorFile($id: ID!) {\n  minor(id: $id) {\n    id firstName lastName birthDate\n    cases { id serviceId startDate endDate interventions { id type startDate endDate structure { name } } }\n    placements { id admissionDate dischargeDate kind dischargeOutcome structure { code name } absences { kind startDate endDate } }\n    placementRequests { id status requestedAdmissionDate createdAt decidedAt declineReason structure { code name } }\n  }\n}"): typeof import('./graphql').MinorFileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PickStructures($first: Int) { structures(first: $first) { nodes { code name type municipality municipalityName status freePlaces } } }"): typeof import('./graphql').PickStructuresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPlacement($input: RequestPlacementInput!) { requestPlacement(input: $input) { id status } }"): typeof import('./graphql').RequestPlacementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SignInStructures($filter: StructureFilter, $first: Int) {\n  structures(filter: $filter, first: $first) { nodes { code name municipality status } }\n}"): typeof import('./graphql').SignInStructuresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnStructure($code: ID!) {\n  structure(code: $code) {\n    code name type municipality province address managingEntity capacity emergencyCapacity minAge maxAge status contactEmail\n    acts { id kind number date validFrom validTo issuingBody document { filename sizeBytes version } }\n    inspections { id date authority outcome followUpDueDate followUpDoneDate }\n  }\n}"): typeof import('./graphql').OwnStructureDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
