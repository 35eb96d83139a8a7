import { pageContext } from '$lib/server/pages/context';
import { reportDays, reportMonths } from '$lib/server/report/month';
import { pdfAvailable } from '$lib/server/report/pdf';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { view, snapshots } = await pageContext(url);
	const months = reportMonths(snapshots);
	const asked = url.searchParams.get('month') ?? '';
	// The month of the view's day by default: the report the user is looking at.
	const month = months.includes(asked)
		? asked
		: months.includes(view.asOf.slice(0, 7))
			? view.asOf.slice(0, 7)
			: (months[0] ?? null);
	return {
		view,
		months,
		month,
		days: month ? reportDays(month, snapshots) : null,
		pdf: pdfAvailable()
	};
};
