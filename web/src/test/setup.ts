import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearCodeCache } from '../api';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  clearCodeCache();
  window.history.replaceState(null, '', '/');
});
