export const SHIPMENT_COLUMNS_HINT =
	'id, awb_number, order_id, courier_name, courier_tracking_number, status (created, picked_up, in_transit, delivered, returned, failed), pickup_date, delivery_date, shipping_cost, created_at';
