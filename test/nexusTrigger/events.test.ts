import {
	orderEvents,
	statusList,
	testEventFor,
	testEventStatuses,
	type EventSelection,
	type OrderEvent,
} from '../../nodes/NexusTrigger/events';

function select(events: OrderEvent[], extra: Partial<EventSelection> = {}): EventSelection {
	return { events, fromStatuses: [], toStatuses: [], unknownPreviousStatus: 'emit', ...extra };
}

const ALL = select(['orderCreated', 'orderStatusChanged', 'orderShipped', 'orderDelivered', 'orderCancelled', 'orderUpdated']);

describe('which events an order change yields', () => {
	it('a new order yields Order Created and Any Order Change, no status event', () => {
		expect(orderEvents({ isNew: true, previousStatus: undefined, status: 'shipped' }, ALL)).toEqual([
			{ event: 'orderCreated' },
			{ event: 'orderUpdated' },
		]);
	});

	it('a new order changed after it was created (e.g. created and shipped between two polls) counts as a change from an unknown status', () => {
		const createdThenShipped = { isNew: true, changedSinceCreated: true, previousStatus: undefined, status: 'shipped' };
		expect(orderEvents(createdThenShipped, ALL)).toEqual([
			{ event: 'orderCreated' },
			{ event: 'orderStatusChanged', previousStatus: null, newStatus: 'shipped' },
			{ event: 'orderShipped', previousStatus: null, newStatus: 'shipped' },
			{ event: 'orderUpdated' },
		]);
		// "Skip" for unknown previous statuses applies here too.
		expect(orderEvents(createdThenShipped, { ...ALL, unknownPreviousStatus: 'skip' })).toEqual([
			{ event: 'orderCreated' },
			{ event: 'orderUpdated' },
		]);
	});

	it('a status change yields Status Changed plus the event of the status reached', () => {
		expect(orderEvents({ isNew: false, previousStatus: 'fulfilling', status: 'shipped' }, ALL)).toEqual([
			{ event: 'orderStatusChanged', previousStatus: 'fulfilling', newStatus: 'shipped' },
			{ event: 'orderShipped', previousStatus: 'fulfilling', newStatus: 'shipped' },
			{ event: 'orderUpdated' },
		]);
	});

	it('an update without a status change yields only Any Order Change', () => {
		expect(orderEvents({ isNew: false, previousStatus: 'shipped', status: 'Shipped ' }, ALL)).toEqual([{ event: 'orderUpdated' }]);
	});

	it('yields only the selected events', () => {
		const shippedOnly = select(['orderShipped']);
		expect(orderEvents({ isNew: false, previousStatus: 'confirmed', status: 'fulfilling' }, shippedOnly)).toEqual([]);
		expect(orderEvents({ isNew: false, previousStatus: 'fulfilling', status: 'shipped' }, shippedOnly)).toEqual([
			{ event: 'orderShipped', previousStatus: 'fulfilling', newStatus: 'shipped' },
		]);
	});

	it('honours From and To filters; From needs a known previous status', () => {
		const filtered = select(['orderStatusChanged'], { fromStatuses: ['confirmed'], toStatuses: ['fulfilling'] });
		expect(orderEvents({ isNew: false, previousStatus: 'confirmed', status: 'fulfilling' }, filtered)).toHaveLength(1);
		expect(orderEvents({ isNew: false, previousStatus: 'pending', status: 'fulfilling' }, filtered)).toHaveLength(0);
		expect(orderEvents({ isNew: false, previousStatus: 'confirmed', status: 'cancelled' }, filtered)).toHaveLength(0);
		expect(orderEvents({ isNew: false, previousStatus: undefined, status: 'fulfilling' }, filtered)).toHaveLength(0);
		const toOnly = select(['orderStatusChanged'], { toStatuses: ['fulfilling'] });
		expect(orderEvents({ isNew: false, previousStatus: undefined, status: 'fulfilling' }, toOnly)).toEqual([
			{ event: 'orderStatusChanged', previousStatus: null, newStatus: 'fulfilling' },
		]);
	});

	it('an unknown previous status counts as a change with "emit" and as none with "skip"', () => {
		const emit = select(['orderDelivered']);
		expect(orderEvents({ isNew: false, previousStatus: undefined, status: 'delivered' }, emit)).toEqual([
			{ event: 'orderDelivered', previousStatus: null, newStatus: 'delivered' },
		]);
		expect(
			orderEvents({ isNew: false, previousStatus: undefined, status: 'delivered' }, { ...emit, unknownPreviousStatus: 'skip' }),
		).toEqual([]);
	});

	it('accepts status values it does not know', () => {
		expect(orderEvents({ isNew: false, previousStatus: 'packed', status: 'returned' }, select(['orderStatusChanged']))).toEqual([
			{ event: 'orderStatusChanged', previousStatus: 'packed', newStatus: 'returned' },
		]);
		expect(statusList(' Returned, packed ,,returned')).toEqual(['returned', 'packed']);
		expect(statusList(['Shipped', null, ''])).toEqual(['shipped']);
	});
});

describe('Fetch test event', () => {
	it('asks the server only for statuses that can match, or for any order', () => {
		expect(testEventStatuses(select(['orderShipped', 'orderCancelled']))).toEqual(['shipped', 'cancelled']);
		expect(testEventStatuses(select(['orderStatusChanged'], { toStatuses: ['confirmed'] }))).toEqual(['confirmed']);
		expect(testEventStatuses(select(['orderStatusChanged']))).toBeUndefined();
		expect(testEventStatuses(select(['orderShipped', 'orderCreated']))).toBeUndefined();
	});

	it('describes the latest order as its most specific selected event', () => {
		expect(testEventFor('shipped', 'fulfilling', ALL)).toEqual({ event: 'orderShipped', previousStatus: 'fulfilling', newStatus: 'shipped' });
		expect(testEventFor('confirmed', 'confirmed', ALL)).toEqual({ event: 'orderStatusChanged', previousStatus: null, newStatus: 'confirmed' });
		expect(testEventFor('pending', undefined, select(['orderCreated']))).toEqual({ event: 'orderCreated' });
		expect(testEventFor('pending', undefined, select(['orderShipped']))).toBeUndefined();
	});
});
