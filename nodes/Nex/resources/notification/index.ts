import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { notificationGetFeed } from './getFeed.operation';
import { notificationGetPreferences } from './getPreferences.operation';
import { notificationUpdatePreferences } from './updatePreferences.operation';

export const notificationDescription: INodeProperties[] = resourceProperties('notification', [notificationGetFeed, notificationGetPreferences, notificationUpdatePreferences], 'getFeed');
