import { resourceProperties } from '../../../shared/operation';
import { addLineItem } from './add.operation';
import { removeLineItem } from './remove.operation';
import { updateLineItemQuantity } from './updateQuantity.operation';

export const orderLineItemDescription = resourceProperties('orderLineItem', [addLineItem, updateLineItemQuantity, removeLineItem], 'add');
