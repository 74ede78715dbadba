import { dropTemplate, prepareTemplate, startTestServer, type TestTemplate } from '@ips/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    ipsTemplate: TestTemplate;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await prepareTemplate(server.adminUrl, 'api');
  project.provide('ipsTemplate', template);
  return async () => {
    await dropTemplate(template);
    await server.stop();
  };
}
