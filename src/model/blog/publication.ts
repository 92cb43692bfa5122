import { TZDate } from "@date-fns/tz";

/** Whether a post is shown: published, scheduled for later, or a draft. */
export type PostVisibility = "published" | "scheduled" | "draft";

/**
 * The instant a post's `date` stands for: a date-time with offset is that instant; a date-only
 * value (`2025-03-04`) is midnight at the start of that day in the site's time zone.
 */
export function publicationInstant(date: string, timeZone: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!day) return new Date(date);
  return new Date(new TZDate(Number(day[1]), Number(day[2]) - 1, Number(day[3]), timeZone).getTime());
}

/** A post's visibility at `now`: drafts never publish; a post dated in the future is scheduled until then. */
export function postVisibility(post: { date: string; draft: boolean }, now: Date, timeZone: string): PostVisibility {
  if (post.draft) return "draft";
  return publicationInstant(post.date, timeZone).getTime() > now.getTime() ? "scheduled" : "published";
}

/** True when a post with this visibility is listed: only published ones in production, all of them in development. */
export function isListed(visibility: PostVisibility, mode: "production" | "development"): boolean {
  return mode === "development" || visibility === "published";
}
