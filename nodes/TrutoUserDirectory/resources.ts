import { RESOURCES } from '../shared/model/resources';
import type { Feature, FeatureOperation } from './feature';
import { accessReview } from './accessReview';
import { person } from './person';
import { seatReclamation } from './seatReclamation';

/** The node's own resources beyond Truto's: jobs over many accounts, one feature folder each. */
export const FEATURES: Feature[] = [seatReclamation, person, accessReview];

/** Every entry of the Resource list: Truto's user-directory resources, then the features. */
export const RESOURCE_CHOICES = [...RESOURCES, ...FEATURES];

/** The feature operation an item asks for, if it asks for one. */
export function featureOperation(resource: unknown, operation: unknown): FeatureOperation | undefined {
	return FEATURES.find((feature) => feature.value === resource)?.operations.find((candidate) => candidate.value === operation);
}
