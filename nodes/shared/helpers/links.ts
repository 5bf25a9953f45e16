/** The link a customer opens: the Truto Link page with the token added to its query (any query it has stays). */
export function reconnectLinkUrl(linkPageUrl: string, linkToken: string): string {
	const url = new URL(linkPageUrl);
	url.searchParams.set('link_token', linkToken);
	return url.toString();
}
