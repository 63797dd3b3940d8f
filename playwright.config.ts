import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/helpers/browser';

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/helpers/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    {
      name: 'harness',
      testIgnore: /electron\//,
      use: {
        browserName: 'chromium',
        launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
        viewport: { width: 1280, height: 900 },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\/.*\.spec\.ts/,
    },
  ],
});
