'use strict';
// @ts-check
/**
 * Local stand-ins for where the example workflows deliver their reports: a Slack incoming-webhook
 * endpoint and an SMTP server. Both only record what arrives, so tests and the demo can show it.
 */
const { startSlackCatcher } = require('./slack');
const { startSmtpCatcher } = require('./smtp');

module.exports = { startSlackCatcher, startSmtpCatcher };
