import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { integrationConnect } from './connect.operation';
import { integrationDisconnect } from './disconnect.operation';
import { integrationGetAll } from './getAll.operation';
import { integrationGetConnectStatus } from './getConnectStatus.operation';

export const integrationDescription: INodeProperties[] = resourceProperties('integration', [integrationConnect, integrationDisconnect, integrationGetAll, integrationGetConnectStatus], 'getAll');
