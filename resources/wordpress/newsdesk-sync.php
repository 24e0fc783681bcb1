<?php
/**
 * Plugin Name: Newsdesk sync key
 * Description: Lets Newsdesk find the posts and media it created, so a retried upload never
 *   creates a second copy. Registers the `newsdesk_sync_key` meta on posts and attachments and a
 *   `?newsdesk_sync_key=` filter on /wp/v2/posts and /wp/v2/media. Install as a must-use plugin:
 *   copy this file into wp-content/mu-plugins/. Optional: without it Newsdesk falls back to
 *   looking items up by their slug.
 * Version: 1
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const NEWSDESK_SYNC_META = 'newsdesk_sync_key';

add_action( 'init', function () {
	foreach ( array( 'post', 'attachment' ) as $type ) {
		register_post_meta( $type, NEWSDESK_SYNC_META, array(
			'type'          => 'string',
			'single'        => true,
			'show_in_rest'  => true,
			'auth_callback' => function () {
				return current_user_can( 'edit_posts' );
			},
		) );
	}
} );

foreach ( array( 'post', 'attachment' ) as $newsdesk_type ) {
	add_filter( "rest_{$newsdesk_type}_collection_params", function ( $params ) {
		$params[ NEWSDESK_SYNC_META ] = array(
			'description' => 'Items whose newsdesk_sync_key meta equals this value.',
			'type'        => 'string',
		);
		return $params;
	} );
	add_filter( "rest_{$newsdesk_type}_query", function ( $args, $request ) {
		$key = $request->get_param( NEWSDESK_SYNC_META );
		if ( is_string( $key ) && '' !== $key ) {
			$args['meta_query'] = array( array( 'key' => NEWSDESK_SYNC_META, 'value' => $key ) );
		}
		return $args;
	}, 10, 2 );
}

// A namespace in GET /wp-json/ so a client can tell that lookups by sync key work here.
add_action( 'rest_api_init', function () {
	register_rest_route( 'newsdesk/v1', '/info', array(
		'methods'             => 'GET',
		'permission_callback' => '__return_true',
		'callback'            => function () {
			return array( 'plugin' => 'newsdesk-sync', 'version' => 1, 'meta' => NEWSDESK_SYNC_META );
		},
	) );
} );
