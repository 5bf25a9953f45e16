'use strict';
// @ts-check
/**
 * Workflow JSON for tests, the bench, the demo and the examples: nodes, the credentials they refer
 * to, nodes that steer (If, Filter, Switch, loops, triggers), whole workflows, and the examples wired
 * to local receivers.
 */
const { TRUTO_CREDENTIAL, SMTP_CREDENTIAL, trutoCredential, smtpCredential } = require('./credentials');
const { TRUTO_NODE, TRUTO_TRIGGER_NODE, node, manualTrigger, trutoNode, trutoTriggerNode, httpRequestNode, codeNode, setNode, field, byId, fromList, stickyNote } = require('./nodes');
const { workflow, connect, manualWorkflow, linearWorkflow } = require('./workflow');
const { equals, isTrue, notEmpty, conditions, ifNode, filterNode, switchNode, loopNode, weeklyTrigger, webhookTrigger } = require('./flow');
const { seatReclamationWorkflow, REPORT_TO, REPORT_FROM } = require('./seat-reclamation');
const { TRUTO_TOOL, OPENAI_CREDENTIAL, openAiCredential, trutoTool, agentWorkflow } = require('./agent');
const { accountHealthWorkflow, ALERT_FALLBACK_TO, ALERT_FROM } = require('./account-health');
const { seatApprovalWorkflow, APPROVER, APPROVAL_FROM } = require('./seat-approval');
const { crossAppReviewWorkflow } = require('./seat-review');
const { askHolderWorkflow, ADMIN, ASK_FROM } = require('./seat-ask-holder');
const { offboardWorkflow, OFFBOARD_APPROVER, OFFBOARD_REPORT_TO, OFFBOARD_FROM } = require('./offboard');
const { accessReviewWorkflow, REVIEW_FROM, DEFAULT_OWNER } = require('./access-review');

module.exports = {
	TRUTO_CREDENTIAL,
	SMTP_CREDENTIAL,
	trutoCredential,
	smtpCredential,
	TRUTO_NODE,
	TRUTO_TRIGGER_NODE,
	node,
	manualTrigger,
	trutoNode,
	trutoTriggerNode,
	httpRequestNode,
	codeNode,
	setNode,
	field,
	byId,
	fromList,
	stickyNote,
	workflow,
	connect,
	manualWorkflow,
	linearWorkflow,
	equals,
	isTrue,
	notEmpty,
	conditions,
	ifNode,
	filterNode,
	switchNode,
	loopNode,
	weeklyTrigger,
	webhookTrigger,
	seatReclamationWorkflow,
	REPORT_TO,
	REPORT_FROM,
	TRUTO_TOOL,
	OPENAI_CREDENTIAL,
	openAiCredential,
	trutoTool,
	agentWorkflow,
	accountHealthWorkflow,
	ALERT_FALLBACK_TO,
	ALERT_FROM,
	seatApprovalWorkflow,
	APPROVER,
	APPROVAL_FROM,
	crossAppReviewWorkflow,
	askHolderWorkflow,
	accessReviewWorkflow,
	REVIEW_FROM,
	DEFAULT_OWNER,
	ADMIN,
	ASK_FROM,
	offboardWorkflow,
	OFFBOARD_APPROVER,
	OFFBOARD_REPORT_TO,
	OFFBOARD_FROM,
};
