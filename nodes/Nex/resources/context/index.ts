import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { contextAddText } from './addText.operation';
import { contextAsk } from './ask.operation';
import { contextGetArtifact } from './getArtifact.operation';

export const contextDescription: INodeProperties[] = resourceProperties('context', [contextAddText, contextAsk, contextGetArtifact], 'ask');
