import { describeRealN8n } from './suite';

describeRealN8n('v1');
