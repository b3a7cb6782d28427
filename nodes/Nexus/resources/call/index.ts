import { resourceProperties } from '../../../shared/operation';
import { initiateCall } from './initiate.operation';

export const callDescription = resourceProperties('call', [initiateCall], 'initiate');
