import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { notificationRuleCreate } from './create.operation';
import { notificationRuleDelete } from './delete.operation';
import { notificationRuleGet } from './get.operation';
import { notificationRuleGetAll } from './getAll.operation';

export { searchNotificationRules } from './listSearch';

export const notificationRuleDescription: INodeProperties[] = resourceProperties('notificationRule', [notificationRuleCreate, notificationRuleDelete, notificationRuleGet, notificationRuleGetAll], 'create');
