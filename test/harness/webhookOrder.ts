/**
 * The order a shop posts to the webhook example (`examples/03-webhook-order-to-whatsapp.json`):
 * the same body in the engine tests and in the real n8n, so both check the same workflow input.
 */
export interface WebhookCustomer {
	id: string;
	first_name: string;
	phone_number: string;
}

export function webhookOrderBody(customer: WebhookCustomer) {
	return {
		customer_id: customer.id,
		customer_name: customer.first_name,
		phone: customer.phone_number,
		currency: 'EGP',
		items: [
			{ sku: 'TSH-M-BLK', name: 'T-Shirt Black M', qty: 2, unit_price: 350 },
			{ sku: 'CAP-BLK', name: 'Cap Black', qty: 1, unit_price: 150 },
		],
	};
}
