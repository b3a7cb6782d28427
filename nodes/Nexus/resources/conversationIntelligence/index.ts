import { resourceProperties } from '../../../shared/operation';
import { getAnnotation } from './getAnnotation.operation';
import { getAnnotations } from './getAnnotations.operation';
import { getCustomerIntelligence } from './getCustomerIntelligence.operation';
import { getDashboard } from './getDashboard.operation';
import { getSettings } from './getSettings.operation';
import { getTagDefinitions } from './getTagDefinitions.operation';
import { setPrompt } from './setPrompt.operation';
import { updateAnnotation } from './updateAnnotation.operation';
import { updateContext } from './updateContext.operation';
import { upsertTagDefinition } from './upsertTagDefinition.operation';

export const conversationIntelligenceDescription = resourceProperties(
	'conversationIntelligence',
	[getAnnotation, getAnnotations, getCustomerIntelligence, getDashboard, getSettings, getTagDefinitions, setPrompt, updateAnnotation, updateContext, upsertTagDefinition],
	'getDashboard',
);
