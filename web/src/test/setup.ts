import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearCodeCache, clearMunicipalityCache } from '../api';

afterEach(() => {
  if (typeof window === 'undefined') return; // a test of the build set-up, in the node environment
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  clearCodeCache();
  clearMunicipalityCache();
  window.history.replaceState(null, '', '/');
});
