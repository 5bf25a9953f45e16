'use strict';
// @ts-check
/**
 * Local stand-ins for where the example workflows deliver their reports: a Slack incoming-webhook
 * endpoint and an SMTP server. Both only record what arrives, so tests and the demo can show it.
 * And a stand-in for n8n's webhook URL, for the unit tests of the Truto Trigger.
 */
const { startSlackCatcher } = require('./slack');
const { startSmtpCatcher } = require('./smtp');
const { startWebhookReceiver } = require('./webhook');

module.exports = { startSlackCatcher, startSmtpCatcher, startWebhookReceiver };
