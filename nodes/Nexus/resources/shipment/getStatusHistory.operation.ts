import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fetchAllRows } from '../../shared/fetchAllRows';
import { UUID_PATTERN } from '../../../shared/ids';
import type { Operation } from '../../../shared/operation';
import { parameterText } from '../../../shared/parameters';
import { SINGLE_OBJECT } from '../../shared/rowRouting';
import { nexusApiRequest, nexusExecutor } from '../../shared/transport';
import { quoteValue } from '../../../shared/quote';

export const getShipmentStatusHistory: Operation = {
	option: {
		name: 'Get Status History',
		value: 'getStatusHistory',
		action: 'List the tracking events of a shipment, newest first',
		description: 'The tracking events of a shipment (awb_status_logs), newest first',
		routing: nexusExecutor.programmatic({
				safeToRepeat: true,
				what: 'shipment',
				async run() {
					const given = parameterText(this, 'awb');
					if (given === '') {
						throw new NodeOperationError(this.getNode(), 'AWB Number or ID is empty', {
							description: 'Enter the AWB (tracking) number, or the ID of the shipment.',
						});
					}
					let awbId = given.toLowerCase();
					if (!UUID_PATTERN.test(given)) {
						const awb = await nexusApiRequest.call(
							this,
							'GET',
							'/rest/v1/awbs',
							{ safeToRepeat: true, what: `shipment with AWB number ${quoteValue(given)}` },
							{ qs: { awb_number: `eq.${given}`, select: 'id' }, headers: { Accept: SINGLE_OBJECT } },
						);
						awbId = String((awb.body as IDataObject).id);
					}
					return await fetchAllRows(this, 'awb_status_logs', [
						['awb_id', `eq.${awbId}`],
						['order', 'timestamp.desc'],
					]);
				},
		}),
	},
	properties: [
		{
			displayName: 'AWB Number or ID',
			name: 'awb',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. AWB12345678',
			description: 'The AWB (tracking) number of the shipment, or its ID',
		},
	],
};
