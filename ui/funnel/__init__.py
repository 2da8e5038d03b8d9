"""The Funnel page: inputs, the stage table and the chart."""
