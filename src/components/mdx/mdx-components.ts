import MdxLink from "./MdxLink.astro";

/** Components MDX content renders with, in every layout that shows MDX. */
export const mdxComponents = { a: MdxLink };
