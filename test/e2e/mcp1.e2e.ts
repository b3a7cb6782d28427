import { describeMcpTools } from './mcpTools';

describeMcpTools('v1');
