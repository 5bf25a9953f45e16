'use strict';
// @ts-check
/**
 * A real n8n, started headlessly for end-to-end tests, demos, benchmarks and `npm run dev`: the one
 * module its users require. See README.md.
 *
 *   const { N8nInstance, packPackage, itemsOf } = require('./dev/n8n');
 *   const n8n = await N8nInstance.create({ version: '2.41.1', tarball: packPackage() });
 *   await n8n.importCredentials([{ id: 'cred1', name: 'Truto', type: 'trutoApi', data: {...} }]);
 *   await n8n.importWorkflow(workflowJson);
 *   const { execution } = await n8n.execute(workflowJson.id);
 *   itemsOf(execution, 'Truto');
 *   await n8n.cleanup();
 */
const { VERSIONS } = require('./versions');
const { ensureInstalled } = require('./install');
const { ENCRYPTION_KEY, OWNER, n8nCommand } = require('./environment');
const { PACKAGE_NAME, packPackage } = require('./package');
const { parseExecutionOutput, itemsOf, nodeError, lastNodeExecuted } = require('./execution');
const { freePort } = require('./processes');
const { startRedis } = require('./redis');
const { HttpError } = require('./instance-server');
const { N8nInstance } = require('./instance');

module.exports = {
	VERSIONS,
	ensureInstalled,
	N8nInstance,
	HttpError,
	packPackage,
	startRedis,
	n8nCommand,
	freePort,
	parseExecutionOutput,
	itemsOf,
	nodeError,
	lastNodeExecuted,
	OWNER,
	ENCRYPTION_KEY,
	PACKAGE_NAME,
};
