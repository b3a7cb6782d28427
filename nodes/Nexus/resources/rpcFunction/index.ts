import { resourceProperties } from '../../../shared/operation';
import { callFunction } from './call.operation';

export const rpcFunctionDescription = resourceProperties('rpcFunction', [callFunction], 'call');
