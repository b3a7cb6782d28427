import { resourceProperties } from '../../shared/rows';
import { initiateCall } from './initiate.operation';

export const callDescription = resourceProperties('call', [initiateCall], 'initiate');
