import { resourceProperties } from '../../../shared/operation';
import { getAllSocialAccounts } from './getAll.operation';

export const socialAccountDescription = resourceProperties('socialAccount', [getAllSocialAccounts], 'getAll');
