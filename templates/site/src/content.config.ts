// Tells Astro where your posts, pages and data are (content/ and data/). Nothing to change here.
import { vitrineCollections } from "vitrine/content";

export const collections = vitrineCollections();
