import { vitrineCollections } from "vitrine/content";

export const collections = vitrineCollections();
