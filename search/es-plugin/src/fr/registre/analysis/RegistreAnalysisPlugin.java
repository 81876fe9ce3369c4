package fr.registre.analysis;

import java.util.Map;
import java.util.TreeMap;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers, under their standard Elasticsearch names, the token filters our French
 * analysis needs and that the minimal (integ-test) distribution does not ship.
 *
 * <p>With the full distribution this plugin is not installed: the index settings use
 * the same names, which the analysis-common module then provides.
 */
public class RegistreAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("asciifolding", (index, env, name, settings) -> new Filters.AsciiFolding(name, settings));
        filters.put("elision", AnalysisPlugin.requiresAnalysisSettings(
            (index, env, name, settings) -> new Filters.Elision(name, settings)));
        filters.put("stemmer", AnalysisPlugin.requiresAnalysisSettings(
            (index, env, name, settings) -> new Filters.Stemmer(name, settings)));
        filters.put("edge_ngram", (index, env, name, settings) -> new Filters.EdgeNGram(name, settings));
        filters.put("synonym_graph", AnalysisPlugin.requiresAnalysisSettings(
            (index, env, name, settings) -> new SynonymGraph(name, settings)));
        return filters;
    }
}
