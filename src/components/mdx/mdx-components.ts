import CallToAction from "./CallToAction.astro";
import Callout from "./Callout.astro";
import ChartEmbed from "./ChartEmbed.astro";
import FigureEmbed from "./FigureEmbed.astro";
import MdxLink from "./MdxLink.astro";
import RecordEmbed from "./RecordEmbed.astro";
import StatusEmbed from "./StatusEmbed.astro";

/**
 * Components MDX content renders with, in every layout that shows MDX: links get the base path,
 * and editors use <Record>, <Status>, <Figure>, <Chart>, <Callout> and <CallToAction> without imports.
 */
export const mdxComponents = {
  a: MdxLink,
  Record: RecordEmbed,
  Status: StatusEmbed,
  Figure: FigureEmbed,
  Chart: ChartEmbed,
  Callout,
  CallToAction,
};
