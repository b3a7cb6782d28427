import { resourceProperties } from '../../../shared/operation';
import { runTool } from './runTool.operation';

export const agentToolDescription = resourceProperties('agentTool', [runTool], 'runTool');
