'use strict';
// @ts-check
/**
 * The credentials workflows refer to by `{ id, name }`, and the same credentials ready for
 * `n8n import:credentials` (the import keeps the id, so the references resolve).
 */

/** @typedef {{ id: string, name: string }} CredentialRef */

/** @type {Readonly<CredentialRef>} */
const TRUTO_CREDENTIAL = Object.freeze({ id: 'trutoCredential1', name: 'Truto API' });
/** @type {Readonly<CredentialRef>} */
const SMTP_CREDENTIAL = Object.freeze({ id: 'smtpCredential1', name: 'SMTP' });

/**
 * The Truto credential to import, e.g. `trutoCredential({ apiToken: TOKEN, baseUrl: sandbox.url })`.
 * @param {{ apiToken: string, baseUrl: string, [field: string]: unknown }} data
 */
function trutoCredential(data) {
	return { ...TRUTO_CREDENTIAL, type: 'trutoApi', data };
}

/**
 * The SMTP credential to import, pointing at a plain (no TLS, no login) server such as the local receiver.
 * @param {{ host: string, port: number }} smtp
 */
function smtpCredential(smtp) {
	return {
		...SMTP_CREDENTIAL,
		type: 'smtp',
		data: { host: smtp.host, port: smtp.port, secure: false, disableStartTls: true, user: '', password: '' },
	};
}

module.exports = { TRUTO_CREDENTIAL, SMTP_CREDENTIAL, trutoCredential, smtpCredential };
