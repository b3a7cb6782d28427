import { describeMcpTools } from './mcpTools';

describeMcpTools('v2');
