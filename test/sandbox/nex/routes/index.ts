import type { RouteDef } from '../router';
import { compoundingRoutes } from './compounding';
import { contextRoutes } from './context';
import { graphRoutes } from './graph';
import { insightRoutes } from './insights';
import { integrationRoutes } from './integrations';
import { listRoutes } from './lists';
import { noteRoutes } from './notes';
import { notificationRoutes } from './notifications';
import { objectRoutes } from './objects';
import { recordRoutes } from './records';
import { relationshipRoutes } from './relationships';
import { searchRoutes } from './search';
import { taskRoutes } from './tasks';
import { timelineRoutes } from './timeline';

/** All 61 operations of nex-openapi.json, each with the scope nex-llms.txt gives it. */
export const ALL_ROUTES: RouteDef[] = [
	...objectRoutes,
	...recordRoutes,
	...listRoutes,
	...relationshipRoutes,
	...taskRoutes,
	...noteRoutes,
	...timelineRoutes,
	...searchRoutes,
	...contextRoutes,
	...insightRoutes,
	...graphRoutes,
	...integrationRoutes,
	...compoundingRoutes,
	...notificationRoutes,
];
