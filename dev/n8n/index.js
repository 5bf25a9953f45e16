'use strict';
// @ts-check
/**
 * A real n8n, started headlessly for end-to-end tests, demos, benchmarks and `npm run dev`: the one
 * module its users require. See README.md.
 *
 *   const { ensureInstalled, N8nInstance, packPackage, itemsOf } = require('./dev/n8n');
 *   const n8n = await N8nInstance.create({ version: '2.41.1', tarball: packPackage() });
 *   await n8n.importCredentials([{ id: 'cred1', name: 'Truto', type: 'trutoApi', data: {...} }]);
 *   await n8n.importWorkflow(workflowJson);
 *   const { execution } = await n8n.execute(workflowJson.id);
 *   itemsOf(execution, 'Truto');
 *   await n8n.cleanup();
 */
const { VERSIONS, ensureInstalled } = require('./install');
const instance = require('./instance');

module.exports = { VERSIONS, ensureInstalled, ...instance };
