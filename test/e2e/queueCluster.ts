/**
 * n8n in queue mode as the README describes it: one main and two workers sharing one Postgres
 * database, one Redis queue, one encryption key and one nodes directory (the main's
 * `~/.n8n/nodes`, linked into each worker's user folder as a shared volume would be mounted).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { N8n, N8nHome, REAL_DIR, type N8nInstallation } from '../../scripts/n8n';
import { ensureDebianPackages, startPostgres, startRedis, type Postgres, type Service } from './services';

export interface QueueCluster {
	main: N8n;
	workers: N8n[];
	postgres: Postgres;
	redis: Service;
	/** Every n8n process of the cluster, main first. */
	processes(): N8n[];
	stop(): Promise<void>;
}

export const WORKER_COUNT = 2;

export async function startQueueServices(): Promise<{ postgres: Postgres; redis: Service }> {
	ensureDebianPackages();
	const postgres = await startPostgres();
	try {
		return { postgres, redis: await startRedis() };
	} catch (error) {
		await postgres.stop();
		throw error;
	}
}

/** Builds (does not start) the main and the workers on running Postgres and Redis. */
export function queueCluster(installation: N8nInstallation, name: string, services: { postgres: Postgres; redis: Service }): QueueCluster {
	const { postgres, redis } = services;
	const env: Record<string, string> = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
	};
	const mainHome = N8nHome.open(`${name}-main`, { fresh: true });
	mainHome.linkPackage(installation);
	const main = new N8n(installation, mainHome, { env });
	const workers = Array.from({ length: WORKER_COUNT }, (_, index) => {
		const folder = join(REAL_DIR, 'homes', `${name}-worker-${index + 1}`);
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(join(folder, '.n8n'), { recursive: true });
		symlinkSync(join(mainHome.n8nFolder, 'nodes'), join(folder, '.n8n', 'nodes'), 'dir');
		return new N8n(installation, new N8nHome(folder, mainHome.encryptionKey), { env, command: 'worker' });
	});
	return {
		main,
		workers,
		postgres,
		redis,
		processes: () => [main, ...workers],
		stop: async () => {
			await Promise.allSettled([main.stop(), ...workers.map((worker) => worker.stop())]);
			await Promise.allSettled([redis.stop(), postgres.stop()]);
		},
	};
}

/**
 * The ids of the executions a process ran, from its log file, which spans its restarts
 * ("Worker started execution 12 (job 7)": n8n's execution record does not say which process ran it).
 */
export function executionsRunBy(instance: N8n): string[] {
	const log = existsSync(instance.logFile) ? readFileSync(instance.logFile, 'utf8') : '';
	return [...log.matchAll(/Worker started execution (\d+) /g)].map((match) => match[1]);
}
