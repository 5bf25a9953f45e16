'use strict';
// @ts-check
/**
 * Stands in for the SMTP server the example workflows mail their report through.
 */
const net = require('node:net');

/**
 * A minimal SMTP receiver (RFC 5321 subset, no TLS, no auth) that records each message.
 * @returns {Promise<{ host: string, port: number, mails: { from: string, to: string[], data: string, subject: string, text: string }[], close(): Promise<void> }>}
 */
async function startSmtpCatcher() {
	/** @type {{ from: string, to: string[], data: string, subject: string, text: string }[]} */
	const mails = [];
	/** @type {Set<net.Socket>} */
	const sockets = new Set();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.setEncoding('utf8');
		let buffer = '';
		let inData = false;
		let mail = { from: '', to: /** @type {string[]} */ ([]), data: '' };
		const reply = (line) => socket.write(`${line}\r\n`);
		reply('220 localhost smtp catcher');
		socket.on('data', (chunk) => {
			buffer += chunk;
			let index;
			while ((index = buffer.indexOf('\r\n')) !== -1) {
				const line = buffer.slice(0, index);
				buffer = buffer.slice(index + 2);
				if (inData) {
					if (line === '.') {
						inData = false;
						mails.push({ ...mail, ...parseMessage(mail.data) });
						mail = { from: '', to: [], data: '' };
						reply('250 OK: queued');
					} else {
						mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
					}
					continue;
				}
				const command = line.slice(0, 4).toUpperCase();
				if (command === 'EHLO') {
					socket.write('250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
				} else if (command === 'HELO') reply('250 localhost');
				else if (command === 'MAIL') {
					mail.from = extractAddress(line);
					reply('250 OK');
				} else if (command === 'RCPT') {
					mail.to.push(extractAddress(line));
					reply('250 OK');
				} else if (command === 'DATA') {
					inData = true;
					reply('354 End data with <CR><LF>.<CR><LF>');
				} else if (command === 'QUIT') {
					reply('221 Bye');
					socket.end();
				} else if (command === 'RSET' || command === 'NOOP') reply('250 OK');
				else reply('502 Command not implemented');
			}
		});
		socket.on('error', () => undefined);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {net.AddressInfo} */ (server.address());
	return {
		host: '127.0.0.1',
		port,
		mails,
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve(undefined));
			}),
	};
}

function extractAddress(line) {
	const match = /<([^>]*)>/.exec(line);
	return match ? match[1] : line.split(':').slice(1).join(':').trim();
}

/** Headers and a decoded text body of a simple (possibly quoted-printable or base64) message. */
function parseMessage(data) {
	const separator = data.indexOf('\n\n');
	const head = separator === -1 ? data : data.slice(0, separator);
	let body = separator === -1 ? '' : data.slice(separator + 2);
	const unfolded = head.replace(/\n[ \t]+/g, ' ');
	const header = (name) => {
		const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
		return match ? match[1].trim() : '';
	};
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	if (encoding === 'quoted-printable') {
		body = body
			.replace(/=\n/g, '')
			.replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
		body = Buffer.from(body, 'latin1').toString('utf8');
	} else if (encoding === 'base64') {
		body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	}
	return { subject: decodeHeader(header('Subject')), text: body.replace(/\n$/, '') };
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) as nodemailer writes them. */
function decodeHeader(value) {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, charset, kind, text) => {
			if (kind.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
			const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex) => String.fromCharCode(parseInt(hex, 16)));
			return Buffer.from(bytes, 'latin1').toString('utf8');
		});
}

module.exports = { startSmtpCatcher };
