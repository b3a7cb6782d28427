import { Logger } from '@n8n/backend-common';
import { GlobalConfig, InstanceSettingsConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import type { INode } from 'n8n-workflow';
import { LoggerProxy, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { LogCapture } from '../harness/logCapture';
import { FAKE_NEX_KEY, FAKE_NEXUS_KEY, SecretScan } from '../harness/secretScan';

/**
 * The scan must be able to fail: a secret planted anywhere the scan claims to look (an output
 * item, an error's message, description, context or raw cause, a debug log line) is found, and
 * reports name the secret without printing it.
 */

const node: INode = { id: 'n', name: 'Nex', type: 'n8n-nodes-nex.nex', typeVersion: 1, position: [0, 0], parameters: {} };
// A JWT-shaped value (header.payload.signature); only its shape matters here.
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtc2NhbiJ9.c2lnbmF0dXJlLW9mLXRoZS1zZWNyZXQtc2Nhbi10b2tlbg';
const SIGNATURE = JWT.split('.')[2];

function scanner(): SecretScan {
	return new SecretScan().addSecret('the Nex key', FAKE_NEX_KEY).addSecret('the Nexus key', FAKE_NEXUS_KEY).addJwt('a JWT', JWT);
}

test('a clean run has no findings', () => {
	const scan = scanner();
	scan.collectItems('output', [{ json: { id: '1', name: 'Alice', note: 'sk-sandbox-full and nxs_ak_ prefixes alone are not keys' } }]);
	scan.collectError('error', new NodeApiError(node, { message: 'Not found' }, { message: 'Nex API error 404', description: 'Check the id' }));
	scan.collectLogs('log', ['debug Running node "Nex" started {}']);
	expect(scan.findings()).toEqual([]);
});

test('a key in an output item is found, named, and masked in the report', () => {
	const scan = scanner();
	scan.collectItems('Nex output', [{ json: { headers: { authorization: `Bearer ${FAKE_NEX_KEY}` } } }]);
	const findings = scan.findings();
	expect(findings).toEqual([expect.objectContaining({ secret: 'the Nex key', where: 'Nex output' })]);
	expect(findings[0].excerpt).toContain('Bearer «the Nex key»');
	expect(JSON.stringify(findings)).not.toContain(FAKE_NEX_KEY);
});

test.each([
	['message', () => new NodeOperationError(node, `Key ${FAKE_NEXUS_KEY} is malformed`)],
	['description', () => new NodeApiError(node, { message: 'x' }, { description: `use ${FAKE_NEXUS_KEY}` })],
	['context', () => Object.assign(new NodeApiError(node, { message: 'x' }), { context: { request: { body: { api_key: FAKE_NEXUS_KEY } } } })],
	[
		// n8n's own toJSON keeps only the cause's name and message: the raw chain must be read too.
		'raw cause (an HTTP client error with its request config)',
		() => {
			const clientError = Object.assign(new Error('socket hang up'), {
				config: { headers: { apikey: 'anon', Authorization: `Bearer ${FAKE_NEXUS_KEY}` } },
			});
			return new NodeApiError(node, clientError as never);
		},
	],
	[
		'cause with its own toJSON',
		() => {
			class ClientError extends Error {
				toJSON() {
					return { message: this.message, config: { data: JSON.stringify({ api_key: FAKE_NEXUS_KEY }) } };
				}
			}
			return new NodeOperationError(node, new ClientError('request failed'));
		},
	],
])('a key in an error %s is found', (_where, makeError) => {
	const scan = scanner();
	scan.collectError('Nexus error', makeError());
	expect(scan.findings().map((finding) => finding.secret)).toContain('the Nexus key');
});

test('a JWT is found whole, and its signature alone too', () => {
	const scan = scanner();
	scan.collectItems('whole', [{ json: { token: JWT } }]);
	scan.collectItems('signature', [{ json: { sig: SIGNATURE } }]);
	const findings = scan.findings();
	expect(findings.filter((finding) => finding.where === 'whole').map((finding) => finding.secret)).toEqual(
		expect.arrayContaining(['a JWT']),
	);
	expect(findings.filter((finding) => finding.where === 'signature').map((finding) => finding.secret)).toEqual(['a JWT (signature)']);
});

describe('LogCapture hears every level, debug included', () => {
	test('n8n logger (DI and proxy), console and stderr lines are captured and scanned', () => {
		const capture = new LogCapture().start();
		try {
			Container.get(Logger).debug(`di debug ${FAKE_NEX_KEY}`);
			LoggerProxy.debug(`proxy debug ${FAKE_NEX_KEY}`);
			console.log(`console ${FAKE_NEX_KEY}`);
		} finally {
			capture.stop();
		}
		const scan = scanner();
		scan.collectLogs('log', capture.lines);
		expect(scan.findings()).toHaveLength(3);
		expect(scan.stats.debugLines).toBe(2);
		// Nothing is heard after stop().
		LoggerProxy.debug(`after stop ${FAKE_NEX_KEY}`);
		expect(capture.lines).toHaveLength(3);
	});

	test('also when n8n was configured with a level above debug', () => {
		const global = Container.get(GlobalConfig);
		const previous = Container.get(Logger);
		const infoLogger = new Logger(
			{ ...global, logging: { ...global.logging, level: 'info', outputs: [] } } as GlobalConfig,
			Container.get(InstanceSettingsConfig),
		);
		Container.set(Logger, infoLogger);
		try {
			// n8n turns the levels below its own into non-writable no-ops.
			expect(Object.getOwnPropertyDescriptor(infoLogger, 'debug')?.writable).toBe(false);
			const capture = new LogCapture().start();
			try {
				Container.get(Logger).debug(`debug ${FAKE_NEX_KEY}`);
				LoggerProxy.debug(`proxy ${FAKE_NEX_KEY}`);
			} finally {
				capture.stop();
			}
			expect(capture.lines.filter((line) => line.includes(FAKE_NEX_KEY))).toHaveLength(2);
			expect(Container.get(Logger)).toBe(infoLogger);
		} finally {
			Container.set(Logger, previous);
			LoggerProxy.init(previous);
		}
	});
});
