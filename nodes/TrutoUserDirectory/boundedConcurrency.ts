/** Input items of one execution worked on at the same time (read operations only; writes go one by one). */
export const ITEM_CONCURRENCY = 8;

/**
 * Runs `work` for items 0…count-1, at most `concurrency` at a time, started in item order; the results
 * come back in item order. After a failure no further item starts; the ones under way finish, and the
 * error of the lowest failed item is thrown: with concurrency 1 exactly a plain loop.
 */
export async function inItemOrder<T>(count: number, concurrency: number, work: (itemIndex: number) => Promise<T>): Promise<T[]> {
	const results = new Array<T>(count);
	const failures = new Map<number, unknown>();
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count && failures.size === 0) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await work(itemIndex);
			} catch (error) {
				failures.set(itemIndex, error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return results;
}
