import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { followStartedJob, readWaitSettings, waitProperties } from '../../shared/waitForJob';
import { COMPOUNDING_STATUS_RULES, readCompoundingJob } from './job';

const show = { resource: ['compoundingJob'], operation: ['trigger'] };

export const compoundingJobTrigger: Operation = {
	option: {
		name: 'Trigger',
		value: 'trigger',
		action: 'Run an intelligence pipeline now (starts a background job)',
		description:
			'Run an intelligence pipeline now instead of at its next scheduled cycle, e.g. after importing a lot of context',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/compounding/trigger' },
			{
				scope: 'record.write',
				safeToRepeat: false,
				validate() {
					readWaitSettings(this, true);
				},
				transform: followStartedJob({
					idField: 'job_run_id',
					defaultWait: true,
					accepted: 'Nex accepted the job',
					waitSwitch: 'Wait for Completion',
					watch(jobRunId) {
						return {
							label: `compounding job ${jobRunId}`,
							rules: COMPOUNDING_STATUS_RULES,
							poll: async () => await readCompoundingJob(this, jobRunId),
							readLater: 'the Compounding Job → Get Status operation',
						};
					},
				}),
			},
		),
	},
	properties: [
		{
			displayName: 'Job Type',
			name: 'jobType',
			type: 'options',
			options: [
				{ name: 'Consolidation', value: 'consolidation', description: 'Merge near-duplicate insights' },
				{ name: 'Decay Sweep', value: 'decay_sweep', description: 'Lower the confidence of stale insights' },
				{ name: 'Metrics', value: 'metrics', description: 'Take a snapshot of pipeline metrics' },
				{ name: 'Pattern Detection', value: 'pattern_detection', description: 'Discover recurring patterns' },
				{ name: 'Playbook Synthesis', value: 'playbook_synthesis', description: 'Turn detected patterns into playbook rules' },
			],
			default: 'pattern_detection',
			description: 'Which pipeline to run',
			routing: { send: { type: 'body', property: 'job_type' } },
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only preview the impact without saving any change',
			routing: { send: { type: 'body', property: 'dry_run' } },
		},
		...waitProperties(show, {
			displayName: 'Wait for Completion',
			what: 'the job to finish',
			defaultWait: true,
			defaultTimeoutSeconds: 300,
			waitDescription:
				'Whether to wait until the job has finished and return its final counts. Off returns the job_run_id at once; read it later with Get Status.',
		}),
	],
};
