import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { parameterText } from '../../../shared/parameters';
import { SINGLE_OBJECT } from '../../shared/rowRouting';
import { nexusExecutor } from '../../shared/transport';

export const getShipmentByAwbNumber: Operation = {
	option: {
		name: 'Get by AWB Number',
		value: 'getByAwbNumber',
		action: 'Track a shipment by its AWB number',
		description: 'Track a shipment by its AWB (tracking) number',
		routing: nexusExecutor.routing(
			{ method: 'GET', url: '/rest/v1/awbs' },
			{
				safeToRepeat: true,
				what: 'shipment with this AWB number',
				request() {
					const awbNumber = parameterText(this, 'awbNumber');
					if (awbNumber === '') {
						throw new NodeOperationError(this.getNode(), 'AWB Number is empty', { description: 'Enter the tracking number, e.g. AWB12345678.' });
					}
					return { qs: { awb_number: `eq.${awbNumber}` }, headers: { Accept: SINGLE_OBJECT } };
				},
			},
		),
	},
	properties: [
		{
			displayName: 'AWB Number',
			name: 'awbNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. AWB12345678',
		},
	],
};
