import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearCodeCache, clearMunicipalityCache } from '../api';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  clearCodeCache();
  clearMunicipalityCache();
  window.history.replaceState(null, '', '/');
});
