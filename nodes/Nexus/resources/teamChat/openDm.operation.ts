import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { invalidInput, parameterText } from '../../../shared/parameters';
import { quoteValue } from '../../../shared/quote';
import { readUuid } from '../../shared/uuid';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const FIND_USER_BY = [
	{ name: 'Email', value: 'email', description: 'The email of the team member' },
	{ name: 'User ID', value: 'userId', description: 'The user ID of the team member' },
];

/** The one of Email and User ID that Find User By shows. */
function userField(findUserBy: string) {
	return { type: 'string' as const, required: true, default: '', displayOptions: { show: { findUserBy: [findUserBy] } } };
}

export const openTeamChatDm = mcpToolOperation({
	name: 'Open DM',
	value: 'openDm',
	action: 'Open a team chat direct message',
	description: 'Open (or find) the direct conversation between the agent and a team member (MCP tool nexus_open_internal_dm)',
	tool: 'nexus_open_internal_dm',
	properties: [
		{ displayName: 'Find User By', name: 'findUserBy', type: 'options', noDataExpression: true, options: FIND_USER_BY, default: 'email' },
		{ ...userField('email'), displayName: 'Email', name: 'userEmail', placeholder: 'name@email.com', description: 'Email of the team member, as in the organization' },
		{ ...userField('userId'), displayName: 'User ID', name: 'userId', description: 'User ID of the team member' },
	],
	args() {
		// The tool takes exactly one of the two.
		if (this.getNodeParameter('findUserBy', 'email') === 'userId') return { user_id: readUuid(this, 'userId', 'User ID') };
		const email = parameterText(this, 'userEmail');
		if (!EMAIL.test(email)) {
			throw invalidInput(this, email === '' ? 'Email is empty' : `Email ${quoteValue(email)} is not a valid email address`, 'Enter the email of the team member, e.g. name@email.com.');
		}
		return { user_email: email };
	},
});
