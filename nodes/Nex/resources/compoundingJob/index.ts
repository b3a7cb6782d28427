import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { compoundingJobGetStatus } from './getStatus.operation';
import { compoundingJobTrigger } from './trigger.operation';

export const compoundingJobDescription: INodeProperties[] = resourceProperties('compoundingJob', [compoundingJobGetStatus, compoundingJobTrigger], 'trigger');
