/** How large an admin upload may be, shared by the server's check and the page that says it. */
export const MAX_SHEET_MB = 20;
export const MAX_SHEET_BYTES = MAX_SHEET_MB * 1024 * 1024;
