import { resourceProperties } from '../../../shared/operation';
import { createContact } from './create.operation';
import { deleteContact } from './delete.operation';
import { findContact } from './find.operation';
import { getContact } from './get.operation';
import { getAllContacts } from './getAll.operation';
import { updateContact } from './update.operation';

export const contactDescription = resourceProperties(
	'contact',
	[createContact, deleteContact, findContact, getContact, getAllContacts, updateContact],
	'getAll',
);
