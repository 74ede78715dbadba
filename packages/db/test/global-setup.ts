import type { TestProject } from 'vitest/node';
import { dropTemplate, prepareTemplate, startTestServer, type TestTemplate } from '../src/testing/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    ipsTemplate: TestTemplate;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await prepareTemplate(server.adminUrl, 'db');
  project.provide('ipsTemplate', template);
  return async () => {
    await dropTemplate(template);
    await server.stop();
  };
}
